package dev.gantry.git;

import java.util.concurrent.ExecutorService;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/** Turns every exec request into an {@link ExecCommand}; the command line is parsed later, off the I/O thread. */
final class ExecCommandFactory implements CommandFactory {
    private final ExecDispatcher dispatcher;
    private final ExecutorService executor;

    ExecCommandFactory(ExecDispatcher dispatcher, ExecutorService executor) {
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    public Command createCommand(ChannelSession channel, String commandLine) {
        return new ExecCommand(commandLine, dispatcher, executor);
    }
}
