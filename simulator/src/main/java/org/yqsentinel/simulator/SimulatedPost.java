package org.yqsentinel.simulator;

import org.yqsentinel.model.Item;

/**
 * A simulated item with what the simulator meant it to be: its topic, its stance and the phase it was
 * written for. The ground truth behind a {@link Simulation}, for tests and evaluations (did the linker
 * find the posts about the policy, does the sentiment model read the outcry as negative).
 */
public record SimulatedPost(Item item, Topic topic, Stance stance, String phase) {

    /** What a post is about: the simulated policy, an unrelated hot topic, or everyday city life. */
    public enum Topic { POLICY, HOT_TOPIC, EMERGENCY, EVERYDAY }

    /** How a post speaks of its topic; everyday posts are all {@link #INFORMING}. */
    public enum Stance { INFORMING, QUESTION, NEGATIVE, POSITIVE }
}
