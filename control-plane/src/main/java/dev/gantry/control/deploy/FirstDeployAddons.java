package dev.gantry.control.deploy;

import dev.gantry.common.LineSink;

/**
 * What an app.json's {@code addons} need before an app's first release: the backing services they name,
 * created and linked, so that the release's config holds their URLs when its release phase runs. The
 * services package provides it; this package may not depend on that one, whose links roll out config
 * changes through it.
 */
public interface FirstDeployAddons {

    /**
     * Creates and links what {@code appJson}'s {@code addons} ask for and the app does not have yet under
     * that alias; does nothing when it names none.
     *
     * @throws dev.gantry.control.GantryException naming the addon when one cannot be provided
     */
    void provision(String app, byte[] appJson, String user, LineSink progress);
}
