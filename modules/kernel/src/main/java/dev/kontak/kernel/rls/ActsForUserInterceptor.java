package dev.kontak.kernel.rls;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.UUID;

/** Runs inside {@code @Transactional} (a later priority), so the setting lands in the method's transaction. */
@ActsForUser
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ActsForUserInterceptor {

    @Inject
    RowLevelSecurity rows;

    @AroundInvoke
    Object actForUser(InvocationContext call) throws Exception {
        Object[] arguments = call.getParameters();
        if (arguments.length == 0 || !(arguments[0] instanceof UUID user)) {
            throw new IllegalStateException(call.getMethod() + " acts for a user: its first parameter must be the user's id");
        }
        rows.actFor(user);
        return call.proceed();
    }
}
