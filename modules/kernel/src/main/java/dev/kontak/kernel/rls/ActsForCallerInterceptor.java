package dev.kontak.kernel.rls;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs inside {@code @Transactional} (a later priority), so the setting lands in the method's transaction. */
@ActsForCaller
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ActsForCallerInterceptor {

    @Inject
    RowLevelSecurity rows;

    @AroundInvoke
    Object actForCaller(InvocationContext call) throws Exception {
        rows.actForCaller();
        return call.proceed();
    }
}
