package org.incidentlearning.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.incidentlearning", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedKernelHasNoSpringNorPersistence = noClasses()
            .that().resideInAPackage("org.incidentlearning.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "java.sql..", "javax.sql..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule querySideDoesNotDependOnCommandSide = noClasses()
            .that().resideInAPackage("org.incidentlearning.query..")
            .should().dependOnClassesThat().resideInAPackage("org.incidentlearning.command..");

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnQuerySide = noClasses()
            .that().resideInAPackage("org.incidentlearning.command..")
            .should().dependOnClassesThat().resideInAPackage("org.incidentlearning.query..");

    @ArchTest
    static final ArchRule theSharedEdgeKnowsNeitherSide = noClasses()
            .that().resideInAPackage("org.incidentlearning.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentlearning.command..",
                    "org.incidentlearning.query..");

    /** Both separate deployables carry the store: it may know neither side nor the web edge. */
    @ArchTest
    static final ArchRule theStoreKnowsNeitherSideNorTheEdge = noClasses()
            .that().resideInAPackage("org.incidentlearning.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentlearning.command..",
                    "org.incidentlearning.query..", "org.incidentlearning.web..");

    /** The benchmark's code (its tool and the bare endpoint it measures against) stays in bench/, out of every jar. */
    @ArchTest
    static final ArchRule productionCodeCarriesNoBenchmark = noClasses()
            .should().resideInAPackage("org.incidentlearning.bench..")
            .orShould().dependOnClassesThat().resideInAPackage("org.incidentlearning.bench..");
}
