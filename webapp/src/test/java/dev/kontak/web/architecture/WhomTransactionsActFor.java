package dev.kontak.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActsForUser;
import jakarta.transaction.Transactional;

/**
 * The rule that keeps row level security from failing silently: a transaction started at a boundary declares
 * whom it acts for, one user ({@link ActsForUser}) or every user ({@link AcrossUsers}). Without either, on
 * PostgreSQL with two roles it sees no user's rows and finds nothing, while on H2 or with one role it sees them all;
 * a test on one of them alone would not notice.
 */
final class WhomTransactionsActFor {

    static final ArchRule RULE = methods().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("dev.kontak..boundary..")
            .and(startATransaction())
            .should(declareWhomTheyActFor())
            .as("transactional boundary methods declare @ActsForUser or @AcrossUsers");

    private WhomTransactionsActFor() {
    }

    private static DescribedPredicate<JavaMethod> startATransaction() {
        return DescribedPredicate.describe("are @Transactional",
                method -> method.isAnnotatedWith(Transactional.class) || method.getOwner().isAnnotatedWith(Transactional.class));
    }

    private static ArchCondition<JavaMethod> declareWhomTheyActFor() {
        return new ArchCondition<>("declare @ActsForUser or @AcrossUsers, on the method or its class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(ActsForUser.class) || method.isAnnotatedWith(AcrossUsers.class)
                        || method.getOwner().isAnnotatedWith(ActsForUser.class)
                        || method.getOwner().isAnnotatedWith(AcrossUsers.class);
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " starts a transaction but declares neither @ActsForUser nor @AcrossUsers"));
                }
            }
        };
    }
}
