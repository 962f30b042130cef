package dev.gantry.control.services;

import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.BackingService;
import dev.gantry.control.domain.ServiceLink;
import dev.gantry.control.users.Authorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services' rows, each read or change in one short transaction (never around an engine call), and
 * who may see a service: an admin, the user who created it, and the members of the apps it is linked
 * to. Anyone else is told it does not exist, as with apps.
 */
@ApplicationScoped
public class ServiceCatalog {

    /** The most backups retention keeps of one service, as the table's check has it. */
    static final int MAX_KEPT = 1000;

    private final Authorization authorization;

    ServiceCatalog(Authorization authorization) {
        this.authorization = authorization;
    }

    /** A service as its listing and info show it; the password stays out. */
    public record ServiceView(String name, ServiceKind kind, String version, String createdBy, Instant createdAt,
            List<LinkView> links, Optional<String> backupSchedule, int backupsKept) {

        /** {@code shop (DATABASE), blog (ANALYTICS)}, as lists show them. */
        public String linksInWords() {
            return links.isEmpty() ? "not linked"
                    : String.join(", ", links.stream().map(link -> link.app() + " (" + link.alias() + ")").toList());
        }
    }

    public record LinkView(String app, String alias) {
    }

    @Transactional
    public ServiceSpec spec(String name, String user) {
        return ServiceSpec.of(visible(name, user));
    }

    @Transactional
    public ServiceView view(String name, String user) {
        return view(visible(name, user));
    }

    @Transactional
    public List<ServiceView> visibleTo(String user) {
        return BackingService.all().stream().filter(service -> maySee(service, user)).map(ServiceCatalog::view).toList();
    }

    /** The services linked to an app (its members may see them all), by name. */
    @Transactional
    public List<ServiceView> linkedTo(String appName, String user) {
        return ServiceLink.of(app(appName)).stream().map(link -> link.service).filter(service -> maySee(service, user))
                .map(ServiceCatalog::view).toList();
    }

    /** Every service with what it takes to run it, for the supervisor. */
    @Transactional
    List<ServiceSpec> all() {
        return BackingService.all().stream().map(ServiceSpec::of).toList();
    }

    @Transactional
    void add(String name, ServiceKind kind, String version, String password, String user) {
        if (BackingService.findByName(name).isPresent()) {
            throw new ConflictException("a service named " + name + " already exists. Pick another name (services"
                    + " lists yours)");
        }
        BackingService service = new BackingService();
        service.name = name;
        service.type = kind.type();
        service.version = version;
        service.password = password;
        service.createdBy = user;
        service.createdAt = Instant.now();
        service.persist();
    }

    @Transactional
    void delete(String name) {
        BackingService.findByName(name).ifPresent(BackingService::delete);
    }

    /** Refuses while a link would be cut: the app would lose its data without being told. */
    @Transactional
    void checkUnlinked(String name) {
        List<ServiceLink> links = ServiceLink.of(BackingService.findByName(name).orElseThrow());
        if (!links.isEmpty()) {
            ServiceLink first = links.get(0);
            throw new ConflictException(name + " is linked to " + String.join(", ", links.stream()
                    .map(link -> link.app.name + " (" + link.alias + ")").toList()) + ". Unlink it first: services:unlink "
                    + name + " " + first.app.name);
        }
    }

    /**
     * Records a link, refusing a second one to the same app, an alias the app already uses, and config
     * keys the app already sets itself (a link never overwrites what a person set).
     */
    @Transactional
    void addLink(String name, String appName, String alias, Collection<String> keys, Map<String, String> config,
            String user) {
        BackingService service = BackingService.findByName(name).orElseThrow(() -> unknown(name));
        App app = app(appName);
        ServiceLink.find(app, alias).filter(link -> !link.service.id.equals(service.id)).ifPresent(link -> {
            throw new ConflictException(appName + " already has " + link.service.name + " linked as " + alias
                    + ". Link this one under another alias: services:link " + name + " " + appName + " --as OTHER");
        });
        ServiceLink.find(service, app).ifPresent(link -> {
            throw new ConflictException(name + " is already linked to " + appName + " as " + link.alias
                    + ". To change the alias, unlink it first: services:unlink " + name + " " + appName);
        });
        keys.stream().filter(config::containsKey).findFirst().ifPresent(key -> {
            throw new ConflictException(appName + "'s config already sets " + key + ". Unset it (config:unset "
                    + appName + " " + key + ") or link under another alias with --as");
        });
        ServiceLink link = new ServiceLink();
        link.service = service;
        link.app = app;
        link.alias = alias;
        link.createdBy = user;
        link.createdAt = Instant.now();
        link.persist();
    }

    /** Removes the link and returns its alias. */
    @Transactional
    String removeLink(String name, String appName) {
        BackingService service = BackingService.findByName(name).orElseThrow(() -> unknown(name));
        ServiceLink link = ServiceLink.find(service, app(appName)).orElseThrow(() -> new NotFoundException(name
                + " is not linked to " + appName + ". Run 'services:info " + name + "' to see its links"));
        link.delete();
        return link.alias;
    }

    @Transactional
    boolean linkedAs(String appName, String alias) {
        return ServiceLink.find(app(appName), alias).isPresent();
    }

    /**
     * Sets when the service is backed up on its own ({@code schedule} empty: never) and how many backups
     * stay ({@code keep} empty: as it was).
     */
    @Transactional
    public ServiceView schedule(String name, String user, Optional<CronSchedule> schedule, Optional<Integer> keep) {
        keep.filter(kept -> kept < 1 || kept > MAX_KEPT).ifPresent(kept -> {
            throw new InvalidInputException("keep=" + kept + " is not a number of backups from 1 to " + MAX_KEPT
                    + " (e.g. keep=7)");
        });
        BackingService service = visible(name, user);
        service.backupSchedule = schedule.map(CronSchedule::toString).orElse(null);
        keep.ifPresent(kept -> service.backupsKept = kept);
        return view(service);
    }

    @Transactional
    int backupsKept(String name) {
        return BackingService.findByName(name).map(service -> service.backupsKept).orElse(1);
    }

    /** The services backed up on a schedule, by name. */
    @Transactional
    Map<String, CronSchedule> schedules() {
        Map<String, CronSchedule> schedules = new TreeMap<>();
        BackingService.all().stream().filter(service -> service.backupSchedule != null)
                .forEach(service -> schedules.put(service.name, CronSchedule.parse(service.backupSchedule)));
        return schedules;
    }

    /** The services linked to an app, by name, for an app going away. */
    @Transactional
    List<String> linkedTo(String appName) {
        return App.findByName(appName).map(app -> ServiceLink.of(app).stream().map(link -> link.service.name).toList())
                .orElse(List.of());
    }

    private BackingService visible(String name, String user) {
        return BackingService.findByName(name).filter(service -> maySee(service, user))
                .orElseThrow(() -> unknown(name));
    }

    static NotFoundException unknown(String name) {
        return new NotFoundException("service '" + name + "' does not exist. Run 'services' to list yours, or create"
                + " it: services:create postgres " + name);
    }

    private boolean maySee(BackingService service, String user) {
        return service.createdBy.equals(user) || authorization.isAdmin(user)
                || ServiceLink.of(service).stream().anyMatch(link -> authorization.maySee(user, link.app.name));
    }

    private static ServiceView view(BackingService service) {
        return new ServiceView(service.name, ServiceKind.of(service.type), service.version, service.createdBy,
                service.createdAt, ServiceLink.of(service).stream()
                        .map(link -> new LinkView(link.app.name, link.alias)).toList(),
                Optional.ofNullable(service.backupSchedule), service.backupsKept);
    }

    static App app(String name) {
        return App.findByName(name).orElseThrow(() -> NotFoundException.app(name));
    }
}
