package dev.vitrine.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: every module may use the contracts, no side uses another side, and only the app
 * sees everything. Inside a module, feature packages do not form cycles.
 */
class ModuleBoundariesTest {

    static JavaClasses vitrine;

    @BeforeAll
    static void importClasses() {
        vitrine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vitrine");
    }

    @Test
    void the_contracts_depend_on_no_side_and_on_no_framework_but_message_annotations() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.command..",
                        "dev.vitrine.query..",
                        "dev.vitrine.processing..",
                        "dev.vitrine.app..",
                        "org.springframework..")
                .check(vitrine);
    }

    @Test
    void the_command_side_knows_nothing_of_the_query_side_processing_or_the_app() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.query..",
                        "dev.vitrine.processing..",
                        "dev.vitrine.eventlog..",
                        "dev.vitrine.app..")
                .check(vitrine);
    }

    @Test
    void the_query_side_knows_nothing_of_the_command_side_processing_or_the_app() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.command..",
                        "dev.vitrine.processing..",
                        "dev.vitrine.eventlog..",
                        "dev.vitrine.app..")
                .check(vitrine);
    }

    @Test
    void processing_knows_nothing_of_either_side_or_the_app() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.processing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.command..", "dev.vitrine.query..", "dev.vitrine.eventlog..", "dev.vitrine.app..")
                .allowEmptyShould(true) // the processing module fills in with the image pipeline
                .check(vitrine);
    }

    @Test
    void the_event_log_knows_nothing_of_either_side_processing_or_the_app() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.eventlog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.command..", "dev.vitrine.query..", "dev.vitrine.processing..", "dev.vitrine.app..")
                .check(vitrine);
    }

    @Test
    void messages_are_immutable_records() {
        classes()
                .that()
                .resideInAnyPackage(
                        "dev.vitrine.api.*.command",
                        "dev.vitrine.api.*.event",
                        "dev.vitrine.api.*.query",
                        "dev.vitrine.api.*.http")
                .and()
                .areTopLevelClasses()
                .and()
                .areNotInterfaces()
                .should()
                .beRecords()
                .check(vitrine);
    }

    /** The stored log must not change shape because an HTTP body or a query did: events stand on their own. */
    @Test
    void events_depend_on_no_other_kind_of_message() {
        noClasses()
                .that()
                .resideInAPackage("dev.vitrine.api.*.event")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.vitrine.api.*.command", "dev.vitrine.api.*.query", "dev.vitrine.api.*.http")
                .check(vitrine);
    }

    /** Each feature's vocabulary (statuses, rules, sizes) is shared by its kinds, and needs none of them. */
    @Test
    void a_features_vocabulary_depends_on_none_of_its_messages() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.vitrine.api.gallery", "dev.vitrine.api.image")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vitrine.api.*.command",
                        "dev.vitrine.api.*.event",
                        "dev.vitrine.api.*.query",
                        "dev.vitrine.api.*.http")
                .check(vitrine);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("dev.vitrine.(*)..").should().beFreeOfCycles().check(vitrine);
        slices().matching("dev.vitrine.command.(*)..").should().beFreeOfCycles().check(vitrine);
        slices().matching("dev.vitrine.query.(*)..").should().beFreeOfCycles().check(vitrine);
        slices().matching("dev.vitrine.app.(*)..").should().beFreeOfCycles().check(vitrine);
        slices().matching("dev.vitrine.eventlog.(*)..")
                .should()
                .beFreeOfCycles()
                .check(vitrine);
    }
}
