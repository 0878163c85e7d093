package dev.kontak.kernel.rls;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs inside {@code @Transactional} (a later priority), so the role switch lands in the method's transaction. */
@AcrossUsers
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class AcrossUsersInterceptor {

    @Inject
    RowLevelSecurity rows;

    @AroundInvoke
    Object acrossUsers(InvocationContext call) throws Exception {
        return rows.acrossUsers(call::proceed);
    }
}
