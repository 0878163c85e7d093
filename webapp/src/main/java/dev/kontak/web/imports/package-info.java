/** The import page: a contact file uploaded, its columns said where Kontak cannot tell them, its progress, report and undo. */
package dev.kontak.web.imports;
