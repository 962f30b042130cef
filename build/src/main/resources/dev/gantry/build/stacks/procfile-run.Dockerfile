# The procfile kind (Dokku's null buildpack): the base image and the app user, nothing added. The
# Procfile's commands run as they are, with what Debian's base system and busybox offer.
