package io.vigil.core.cluster.jgroups;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;

/** A test member: a channel plus everything it saw (views and delivered payloads). */
final class Node implements Receiver, AutoCloseable {
    final JChannel channel;
    final List<View> views = new CopyOnWriteArrayList<>();
    final List<String> delivered = new CopyOnWriteArrayList<>();

    Node(JChannel channel) {
        this.channel = channel;
        channel.setReceiver(this);
    }

    Node connect(String cluster) throws Exception {
        channel.connect(cluster);
        return this;
    }

    Address address() {
        return channel.getAddress();
    }

    View view() {
        return channel.getView();
    }

    List<Address> members() {
        View v = channel.getView();
        return v == null ? List.of() : v.getMembers();
    }

    /** Every member this node ever saw in any view. */
    boolean everSaw(Address a) {
        for (View v : views) {
            if (v.containsMember(a)) {
                return true;
            }
        }
        return false;
    }

    void send(Address dest, String text) throws Exception {
        channel.send(dest, text);
    }

    @Override
    public void receive(Message msg) {
        String text;
        try {
            Object o = msg.getObject();
            text = o instanceof String ? (String) o : "<" + (o == null ? "null" : o.getClass().getSimpleName()) + ">";
        } catch (RuntimeException e) {
            text = "<undecodable>";
        }
        delivered.add(text);
    }

    @Override
    public void viewAccepted(View view) {
        views.add(view);
    }

    @Override
    public void close() {
        channel.close();
    }
}
