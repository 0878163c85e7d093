package dev.kontak.auth.boundary;

import dev.kontak.auth.entity.AppPassword;
import dev.kontak.auth.entity.AppToken;

/** An app password just created, with its token: the one moment the token exists outside its owner's client. */
public record IssuedAppPassword(AppPassword password, AppToken token) {
}
