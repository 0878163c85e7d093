package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aDatabaseThatCannotBeReachedExplainsTheFailureHoweverDeepItsCause() {
        assertTrue(DatabaseOutage.explains(new PersistenceException(new SQLException("refused", "08001",
                new ConnectException("Connection refused")))));
        assertTrue(DatabaseOutage.explains(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseOutage.explains(new PersistenceException(new SQLException("Error in allocating a connection",
                new ResourceAllocationException("not usable")))));
        assertTrue(DatabaseOutage.explains(new IllegalStateException(new SystemException("commit failed"))));
    }

    @Test
    void aTransactionThatCouldNotEndIsAnOutageWhateverPayaraGivesAsItsCause() {
        assertTrue(DatabaseOutage.explains(new TransactionalException("encountered exception during commit",
                new NullPointerException("TransactionManager.getTransaction() is null"))));
        assertFalse(DatabaseOutage.explains(new TransactionalException("TxType.MANDATORY without a transaction",
                new TransactionRequiredException())));
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertFalse(DatabaseOutage.explains(null));
        assertFalse(DatabaseOutage.explains(new IllegalArgumentException("bad input")));
        assertFalse(DatabaseOutage.explains(new PersistenceException(new SQLException("duplicate key", "23505"))));
    }
}
