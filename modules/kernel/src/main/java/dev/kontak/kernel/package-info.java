/**
 * What every module shares and a newcomer looks for first: the one clock ({@link dev.kontak.kernel.SystemClock}),
 * the typed user id ({@link dev.kontak.kernel.UserId}), how ids, instants and text are kept in columns
 * ({@code dev.kontak.kernel.columns}), and whom a transaction acts for under PostgreSQL's row level security
 * ({@code dev.kontak.kernel.rls}: {@code @ActsForCaller} for the signed-in caller or the user background work
 * declares, {@code @AcrossUsers} for the narrow work that spans users; the build refuses a transactional boundary
 * that declares neither).
 */
package dev.kontak.kernel;
