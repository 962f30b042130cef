package dev.gantry.control.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The control plane's packages are rooms with one purpose each; a newcomer follows a story from the
 * package that tells it to the ones it uses, never back again.
 */
class PackageRulesTest {

    static final JavaClasses CONTROL_PLANE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gantry.control");

    @Test
    void packagesDoNotDependOnEachOtherInACircle() {
        slices().matching("dev.gantry.control.(*)..").should().beFreeOfCycles().check(CONTROL_PLANE);
    }
}
