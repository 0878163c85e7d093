/**
 * Events the contacts module fires synchronously inside the transaction of the change they report. Observe them
 * with a plain {@code @Observes} to keep derived data in the same commit; use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} only for what must happen after the commit.
 */
package dev.kontak.contacts.events;
