RUN install-packages nodejs npm
# npm's extras (update check, funding notes, audit) cost every install a round trip each.
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
