package io.vigil.core.model;

/** A node's membership as seen by the cluster layer. */
public enum Membership implements Keyword {
    /** In the membership and ready to run resources. */
    ONLINE("online"),
    /** Cleanly left (or never joined when startup fencing is off). */
    OFFLINE("offline"),
    /** Lost without a clean leave: it must be fenced before its resources are recovered. */
    UNCLEAN("unclean"),
    /** Joining: in the membership but not yet ready to run resources. */
    PENDING("pending");

    private final String text;

    Membership(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }

    /**
     * Parses Pacemaker's spelling, in any letter case.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Membership parse(String text) {
        return Keyword.parse(Membership.class, text, "membership");
    }

    @Override
    public String toString() {
        return text;
    }
}
