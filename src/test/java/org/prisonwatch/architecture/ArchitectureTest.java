package org.prisonwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.prisonwatch.gate.Disclosure;
import org.prisonwatch.gate.IdentifyingView;
import org.prisonwatch.gate.Renderer;
import org.prisonwatch.journal.WriteJournal;

/**
 * The rules that protect people, held by the structure of the code: identifying responses are built only by
 * renderers the gate calls with a disclosure it decided, and every write is recorded by the one journal.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.prisonwatch");

    private static final DescribedPredicate<JavaCodeUnit> BUILDS_AN_IDENTIFYING_RESPONSE =
            DescribedPredicate.describe("build an identifying response type", unit ->
                    unit.getConstructorCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().isAssignableTo(IdentifyingView.class)));

    private static final ArchCondition<JavaCodeUnit> TAKE_A_DISCLOSURE =
            new ArchCondition<>("take a Disclosure, which only the gate can give") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    boolean takes = unit.getRawParameterTypes().stream()
                            .anyMatch(type -> type.isEquivalentTo(Disclosure.class));
                    events.add(new SimpleConditionEvent(unit, takes, unit.getFullName()
                            + (takes ? " takes" : " does not take") + " a Disclosure"));
                }
            };

    @Test
    void onlyRenderersGivenADisclosureBuildIdentifyingResponses() {
        codeUnits().that(BUILDS_AN_IDENTIFYING_RESPONSE).should(TAKE_A_DISCLOSURE).check(MAIN);
    }

    @Test
    void onlyTheGateRendersRecords() {
        noClasses().that().resideOutsideOfPackage("org.prisonwatch.gate..")
                .should().callMethodWhere(DescribedPredicate.describe("a renderer or a method taking a Disclosure",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(Renderer.class)
                                || call.getTarget().getRawParameterTypes().stream()
                                        .anyMatch(type -> type.isEquivalentTo(Disclosure.class))))
                .check(MAIN);
    }

    @Test
    void onlyTheJournalWritesTheAuditChainVersionsAndFeedForRecords() {
        noClasses().that().resideOutsideOfPackages("org.prisonwatch.journal..", "org.prisonwatch.audit..",
                        "org.prisonwatch.security..", "org.prisonwatch.webhook..")
                .should().callMethod(org.prisonwatch.audit.AuditLog.class, "record",
                        org.prisonwatch.audit.AuditAction.class, String.class, java.util.UUID.class, Integer.class)
                .because("every write of a record is recorded by " + WriteJournal.class.getSimpleName()
                        + "; only changes to API keys and webhook subscriptions, which are not records, are audited directly")
                .check(MAIN);
    }

    @Test
    void onlyTheJournalMakesVersionsAndFeedPositions() {
        noClasses().that().resideOutsideOfPackage("org.prisonwatch.journal..")
                .should().callConstructor(org.prisonwatch.journal.RecordVersion.class)
                .orShould().callConstructor(org.prisonwatch.journal.RecordChange.class)
                .check(MAIN);
    }

    @Test
    void onlyTheRecordListsTellTheGateWhatTheyJustRead() {
        noClasses().that().doNotBelongToAnyOf(org.prisonwatch.collection.RecordService.class)
                .should().callConstructor(org.prisonwatch.gate.RecordFacts.class,
                        java.util.UUID.class, Integer.class, org.prisonwatch.access.Confidentiality.class,
                        java.util.UUID.class)
                .because("the gate trusts these facts to decide who sees a kept render: only facts just read from "
                        + "the record's row by the list's own query may reach it")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.prisonwatch.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
