package dev.gantry.control.command;

import dev.gantry.control.apps.IsolationSetting;
import dev.gantry.control.cluster.ClusterRegistry;
import jakarta.inject.Singleton;

@Singleton
public class IsolationSetCommand extends NamedCommand {

    private final IsolationSetting setting;
    private final ClusterRegistry cluster;

    IsolationSetCommand(IsolationSetting setting, ClusterRegistry cluster) {
        super("isolation:set", "APP read-only=on|off",
                "give the app's containers a read-only root filesystem (writable /tmp) from their next start");
        this.setting = setting;
        this.cluster = cluster;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        setting.set(app, context.args().subList(1, context.args().size()));
        IsolationReportCommand.print(app, setting.of(app), cluster.login().isPresent(), context.out());
        context.out().println("Instances started from now on get it: the next deploy, or ps:restart " + app + " now");
    }
}
