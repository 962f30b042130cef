package dev.gantry.node;

import java.util.List;

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
     * Puts a running container (a backing service's instance) on a network as well, made now if no
     * instance has made it yet, where the network's other containers reach it by {@code aliases}; already
     * there is fine.
     *
     * @throws IllegalStateException when the container does not exist, saying so
     */
    void connect(String network, String container, List<String> aliases);

    /** Takes a container off a network it was {@link #connect}ed to; not there (or gone) is fine. */
    void disconnect(String network, String container);

    /**
     * Removes an app's network once the app is gone; missing is fine.
     *
     * @throws IllegalStateException when a container is still attached to it, saying so
     */
    void removeNetwork(String network);
}
