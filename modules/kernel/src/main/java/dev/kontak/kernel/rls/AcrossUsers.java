package dev.kontak.kernel.rls;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method works on several users' rows (teammates' metadata, the background repair, a new account's first
 * row): the one, narrow way past row level security ({@link RowLevelSecurity#acrossUsers}). Only for code that
 * needs it by nature, and on methods only (the build refuses it on a class); everything else acts for the caller
 * ({@link ActsForCaller}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcrossUsers {
}
