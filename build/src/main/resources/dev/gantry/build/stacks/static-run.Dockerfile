RUN install-packages nginx-light
COPY static-nginx.conf /etc/gantry/static-nginx.conf
COPY gantry-static /usr/local/bin/
