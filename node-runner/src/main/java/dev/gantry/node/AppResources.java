package dev.gantry.node;

/**
 * What a node keeps for an app between its instances, besides images: its named volumes
 * ({@code storage:*}, data that outlives every instance) and its network (made by the first instance or
 * run that joins it, see {@link NetworkAttachment}), which a backing service linked to the app joins too.
 * On one node both are the engine's; over several, a volume lives on the node that holds it and the
 * network spans the nodes.
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
     * Puts a running container of this host (a backing service's instance) on an app's network as well,
     * made now if no instance has made it yet, where the app's containers reach it by the attachment's
     * aliases; already there is fine. On a cluster it joins the app's overlay too
     * ({@link NetworkAttachment#overlay}), so the app's instances on every host reach it.
     *
     * @throws IllegalStateException when the container does not exist, saying so
     */
    void connect(NetworkAttachment network, String container);

    /** Takes a container off an app's network(s) it was {@link #connect}ed to; not there (or gone) is fine. */
    void disconnect(NetworkAttachment network, String container);

    /**
     * Removes an app's network once the app is gone; missing is fine.
     *
     * @throws IllegalStateException when a container is still attached to it, saying so
     */
    void removeNetwork(String network);
}
