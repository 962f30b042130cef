package dev.gantry.control.build;

/** One line of stacks:list: the stack image ("java-build"), the image it names and its state. */
public record StackImageStatus(String id, String image, StackImageState state) {
}
