package dev.gantry.node;

/**
 * What a node keeps for an app between its instances, besides images: its named volumes
 * ({@code storage:*}, data that outlives every instance) and its network (made by the first instance or
 * run that joins it, see {@link NetworkAttachment}). On one node both are the engine's; over several, a
 * volume lives on the node that holds it and the network spans the nodes.
 */
public interface AppResources {

    /**
     * Creates the app's named volume, labelled as the app's ({@link NodeLabels#APP}) and kept until
     * {@link #removeVolume}; an existing one is left as it is.
     */
    void createVolume(String app, String volume);

    /**
     * Removes a named volume and its data; missing is fine.
     *
     * @throws IllegalStateException when a container still uses it, saying so
     */
    void removeVolume(String volume);

    /**
     * Removes an app's network once the app is gone; missing is fine.
     *
     * @throws IllegalStateException when a container is still attached to it, saying so
     */
    void removeNetwork(String network);
}
