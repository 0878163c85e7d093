/**
 * The team pages: your teams and the form that creates one ({@code /teams}), and each team's members, where the
 * owner adds members by e-mail address and removes them and a member may leave ({@code /teams/{id}}).
 */
package dev.kontak.web.teams;
