package dev.kontak.web.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kontak.web.architecture.boundary.DeclaredBoundary;
import dev.kontak.web.architecture.boundary.UndeclaredBoundary;
import org.junit.jupiter.api.Test;

/** The build refuses a transactional boundary that does not say whom it acts for. */
class WhomTransactionsActForTest {

    @Test
    void everyTransactionalBoundaryOfKontakDeclaresWhomItActsFor() {
        JavaClasses kontak = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kontak");

        WhomTransactionsActFor.RULE.check(kontak);
        WhomTransactionsActFor.ACROSS_USERS_PER_METHOD.check(kontak);
    }

    @Test
    void anUndeclaredBoundaryFailsTheCheckAndADeclaredOnePasses() {
        AssertionError refused = assertThrows(AssertionError.class,
                () -> WhomTransactionsActFor.RULE.check(new ClassFileImporter().importClasses(UndeclaredBoundary.class)));

        assertTrue(refused.getMessage().contains(UndeclaredBoundary.class.getName() + ".change()"), refused.getMessage());
        WhomTransactionsActFor.RULE.check(new ClassFileImporter().importClasses(DeclaredBoundary.class));
    }

    @Test
    void aClassWideAcrossUsersFailsTheCheck() {
        AssertionError refused = assertThrows(AssertionError.class, () -> WhomTransactionsActFor.ACROSS_USERS_PER_METHOD
                .check(new ClassFileImporter().importClasses(UndeclaredBoundary.WideRepair.class)));

        assertTrue(refused.getMessage().contains(UndeclaredBoundary.WideRepair.class.getName()), refused.getMessage());
        WhomTransactionsActFor.ACROSS_USERS_PER_METHOD.check(new ClassFileImporter().importClasses(DeclaredBoundary.class));
    }
}
