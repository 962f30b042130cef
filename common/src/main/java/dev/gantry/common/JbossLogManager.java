package dev.gantry.common;

/**
 * For the processes that run from the control plane's jars with plain java.util.logging (the router,
 * the node runner): the JBoss LogManager's System.Logger finder in those jars logs an ERROR at the
 * JDK's first System.Logger unless it is also java.util.logging's manager, and as manager it passes
 * records to the handlers those processes install all the same.
 */
public final class JbossLogManager {

    private static final String CLASS_NAME = "org.jboss.logmanager.LogManager";

    private JbossLogManager() {
    }

    /** Makes it java.util.logging's manager when it is on the class path; call before anything logs. */
    public static void chooseWhenPresent() {
        try {
            Class.forName(CLASS_NAME, false, JbossLogManager.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return;
        }
        System.setProperty("java.util.logging.manager", CLASS_NAME);
    }
}
