/**
 * The account page ({@code /account}): the signed-in user's app passwords, for API and sync clients. Creating one
 * shows its token once, in the answer to the form; the list shows name, created and last used, and revokes each.
 * Leaves out: changing the account password or e-mail address.
 */
package dev.kontak.web.account;
