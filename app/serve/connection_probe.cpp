#include "connection_probe.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace migician::serve {

namespace {

bool sameEndpoint(const sockaddr_storage &address, const std::string &host, int port)
{
    char text[INET6_ADDRSTRLEN] = {};
    int actualPort = -1;
    if (address.ss_family == AF_INET) {
        const auto &v4 = reinterpret_cast<const sockaddr_in &>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        actualPort = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto &v6 = reinterpret_cast<const sockaddr_in6 &>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        actualPort = ntohs(v6.sin6_port);
    } else {
        return false;
    }
    return actualPort == port && host == text;
}

} // namespace

ConnectionProbe ConnectionProbe::find(const std::string &localAddress, int localPort,
                                      const std::string &remoteAddress, int remotePort)
{
    ConnectionProbe probe;
    DIR *descriptors = opendir("/proc/self/fd");
    if (!descriptors)
        return probe;
    while (const dirent *entry = readdir(descriptors)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == dirfd(descriptors))
            continue;
        struct stat status = {};
        if (fstat(int(fd), &status) != 0 || !S_ISSOCK(status.st_mode))
            continue;
        sockaddr_storage local = {}, remote = {};
        socklen_t localLength = sizeof local, remoteLength = sizeof remote;
        if (getsockname(int(fd), reinterpret_cast<sockaddr *>(&local), &localLength) != 0
            || getpeername(int(fd), reinterpret_cast<sockaddr *>(&remote), &remoteLength) != 0)
            continue;
        if (sameEndpoint(remote, remoteAddress, remotePort)
            && sameEndpoint(local, localAddress, localPort)) {
            probe.m_socket = int(fd);
            break;
        }
    }
    closedir(descriptors);
    return probe;
}

bool ConnectionProbe::peerClosed() const
{
    if (m_socket < 0)
        return false;
    pollfd entry = {m_socket, short(POLLIN | POLLRDHUP), 0};
    if (poll(&entry, 1, 0) <= 0)
        return false;
    if (entry.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))
        return true;
    // Readable: either a pipelined next request (alive) or end of stream (closed).
    char byte = 0;
    const ssize_t received = recv(m_socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return received == 0;
}

} // namespace migician::serve
