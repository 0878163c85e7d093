/**
 * The administrators' pages (role ADMIN, {@code /admin/*} in web.xml): the metadata health page with every
 * user's metadata, the batch actions over all users and their live progress, one user's details, and the audit of
 * refused operations. The figures themselves come from {@link dev.kontak.admin.boundary.MetadataFigures}.
 */
package dev.kontak.web.admin;
