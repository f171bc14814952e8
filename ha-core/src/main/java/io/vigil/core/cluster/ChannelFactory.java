package io.vigil.core.cluster;

import io.vigil.core.cluster.jgroups.ClusterKey;
import io.vigil.core.cluster.jgroups.JGroupsStack;
import io.vigil.core.cluster.jgroups.Profile;
import org.jgroups.JChannel;

/**
 * Builds the node's JGroups channel from the shipped stacks of {@code io.vigil.core.cluster.jgroups}: a timing
 * profile (or the user's XML), a transport, and encryption plus authentication when a cluster key is given.
 */
final class ChannelFactory {
    private ChannelFactory() {
    }

    /**
     * @param profile            shipped profile, used when {@code xml} is null
     * @param xml                the user's own JGroups XML, or null
     * @param transport          where to bind and how to find peers; null keeps the XML's own (or TCP defaults)
     * @param key                cluster key, or null for an unencrypted cluster (a warning is logged)
     * @param partitionInjection adds DISCARD so tests can cut links
     */
    static JChannel create(Profile profile, String xml, io.vigil.core.cluster.jgroups.Transport transport,
                           ClusterKey key, boolean partitionInjection, String nodeName) throws Exception {
        JGroupsStack.Builder b = JGroupsStack.builder();
        if (xml != null) {
            b.configXml(xml, "jgroupsXml");
        } else {
            b.profile(profile);
        }
        if (transport != null) {
            b.transport(transport);
        }
        return b.key(key).partitionInjection(partitionInjection).nodeName(nodeName).build();
    }
}
