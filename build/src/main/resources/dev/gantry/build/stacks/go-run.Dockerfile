# The base image and the app user are all a statically linked Go binary needs.
