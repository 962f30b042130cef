package dev.gantry.control.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.gantry.node.ContainerEngine;
import org.junit.jupiter.api.Test;

/**
 * The control plane asks a node for what it needs through the ports of {@code dev.gantry.node}
 * ({@code NodeRunner}, {@code ImageStore}, {@code InstanceLogs}, {@code OneOffRuns},
 * {@code AppResources}, {@code NodeReport}); which implementation answers, on which engine, is
 * decided once, in {@code infra}'s producers. So a Swarm implementation replaces the wiring and
 * nothing else.
 */
class NodeBoundaryTest {

    private static final String WIRING = "dev.gantry.control.infra..";

    @Test
    void onlyTheWiringKnowsTheContainerEngine() {
        noClasses().that().resideOutsideOfPackage(WIRING)
                .should().dependOnClassesThat().haveFullyQualifiedName(ContainerEngine.class.getName())
                .orShould().dependOnClassesThat().resideInAPackage("dev.gantry.node.docker..")
                .because("the engine is behind the node's ports")
                .check(PackageRulesTest.CONTROL_PLANE);
    }

    @Test
    void onlyTheWiringPicksAPortsImplementation() {
        noClasses().that().resideOutsideOfPackage(WIRING)
                .should().dependOnClassesThat().resideInAnyPackage("dev.gantry.node.local..", "dev.gantry.node.agent..")
                .because("services take a port, whichever node answers it")
                .check(PackageRulesTest.CONTROL_PLANE);
    }
}
