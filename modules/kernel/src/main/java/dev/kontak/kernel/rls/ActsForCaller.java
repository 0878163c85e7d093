package dev.kontak.kernel.rls;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method acts for its caller ({@link ActingUser}): on PostgreSQL with row level security, its transaction sees
 * only the caller's metadata and refusals and the contacts and activities they may access. Put it where the
 * boundary's transaction starts; no argument can make it act for anyone else.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActsForCaller {
}
