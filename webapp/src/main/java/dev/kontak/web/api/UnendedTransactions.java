package dev.kontak.web.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that could not begin or end, answered like every other failure ({@link UnexpectedFailures}):
 * Jersey's CDI integration brings a mapper of its own for this type, nearer than ours for {@code Throwable}, that
 * rethrows what it cannot map, so a commit the database broke off would otherwise be a bare 500. The higher
 * priority (a lower number) wins the tie with it.
 */
@Provider
@Priority(1)
public class UnendedTransactions implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException failure) {
        return UnexpectedFailures.answer(failure);
    }
}
