package dev.kontak.kernel.rls;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method acts for the user whose id is its first argument: on PostgreSQL with row level security, its
 * transaction sees only that user's metadata and refusals and the contacts and activities they may access
 * ({@link RowLevelSecurity#actFor}). Put it where the boundary's transaction starts.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActsForUser {
}
