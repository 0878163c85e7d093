package dev.kontak.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.transaction.Transactional;

/**
 * The rule that keeps row level security from failing silently: a transaction started at a boundary declares
 * whom it acts for, its caller ({@link ActsForCaller}) or every user ({@link AcrossUsers}). Without either, on
 * PostgreSQL with two roles it sees no user's rows and finds nothing, while on H2 or with one role it sees them all;
 * a test on one of them alone would not notice.
 */
final class WhomTransactionsActFor {

    static final ArchRule RULE = methods().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("dev.kontak..boundary..")
            .and(startATransaction())
            .should(declareWhomTheyActFor())
            .as("transactional boundary methods declare @ActsForCaller or @AcrossUsers");

    /** Work across users is as narrow as a method: a whole class of it would take in whatever is added to it. */
    static final ArchRule ACROSS_USERS_PER_METHOD = noClasses().that().resideOutsideOfPackage("dev.kontak.kernel.rls")
            .should().beAnnotatedWith(AcrossUsers.class)
            .as("@AcrossUsers is declared on methods, not on classes");

    private WhomTransactionsActFor() {
    }

    private static DescribedPredicate<JavaMethod> startATransaction() {
        return DescribedPredicate.describe("are @Transactional",
                method -> method.isAnnotatedWith(Transactional.class) || method.getOwner().isAnnotatedWith(Transactional.class));
    }

    private static ArchCondition<JavaMethod> declareWhomTheyActFor() {
        return new ArchCondition<>("declare @ActsForCaller or @AcrossUsers, on the method or its class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(ActsForCaller.class) || method.isAnnotatedWith(AcrossUsers.class)
                        || method.getOwner().isAnnotatedWith(ActsForCaller.class)
                        || method.getOwner().isAnnotatedWith(AcrossUsers.class);
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " starts a transaction but declares neither @ActsForCaller nor @AcrossUsers"));
                }
            }
        };
    }
}
