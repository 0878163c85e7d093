package dev.kontak.kernel.transactions;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transaction the database ended as a deadlock's victim is run again, whole ({@link DeadlockRetries}): for the
 * boundaries whose changes hold teams, contacts and access rows (they take them in one order, but a foreign key's
 * check can still cross a row lock).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnDeadlock {
}
