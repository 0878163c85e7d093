/**
 * Contact files people bring to Kontak, read card by card: vCard 2.1, 3.0 and 4.0 files
 * ({@link dev.kontak.imports.control.VCardFile}) and CSV files of Google Contacts, Outlook and spreadsheets
 * ({@link dev.kontak.imports.control.CsvFile}). Each card or row becomes contact details or a problem that names
 * its line; a file that is not what its type says is refused before anything is read
 * ({@link dev.kontak.imports.control.NotThisFormat}). The parsing depends on {@code dev.kontak.vcards} (its
 * mapping of vCards) and commons-csv.
 */
package dev.kontak.imports;
