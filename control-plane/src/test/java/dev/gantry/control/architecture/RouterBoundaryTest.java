package dev.gantry.control.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * The control plane steers a router through router-api ({@code RouteControl}, its words and the admin
 * client) and never reaches into the router itself: its data path is the router's to change, and it
 * is on the control plane's class path only for embedded mode and to be started as its own process.
 */
class RouterBoundaryTest {

    @Test
    void theControlPlaneUsesTheRouterOnlyThroughRouterApi() {
        noClasses().that().resideInAPackage("dev.gantry.control..")
                .should().dependOnClassesThat(resideInAPackage("dev.gantry.router..")
                        .and(resideInAPackage("dev.gantry.router.api..").negate()))
                .because("router-api is what the control plane needs of a router; the rest is the router's data path")
                .check(PackageRulesTest.CONTROL_PLANE);
    }
}
