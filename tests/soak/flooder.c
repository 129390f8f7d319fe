// SPDX-License-Identifier: MIT
/*
 * flooder.c - the cookie soak's attacker (tests/soak/cookie_soak.py): sends version-2 PAIR_1
 * datagrams (docs/protocol.md §2): the last fragment of a hybrid PAIR_1 (§2.1: index 1 of 2,
 * a 92-byte chunk, padded to 171 bytes), with a valid mac1 (the open key, as anyone can compute it)
 * and no mac2, each from a spoofed 127.x.y.z source address (IP_PKTINFO on one socket: every
 * 127/8 address is local, so the replies come back to this socket too), at a fixed rate.
 * It counts what it sent and what came back, per source address, and prints one JSON line.
 *
 *   flooder <target ip> <target port> <rate per s> <seconds> <sources>
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { VERSION = 2, PAIR_1 = 1, COOKIE_REPLY = 11, BODY = 12 + 92, DATAGRAM = 171, MAC = 16, BATCH_MS = 2 };

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint32_t spoofed(int i) /* 127.(1 + i/250/250).(i/250%250).(1 + i%250), host order */
{
    return (127u << 24) | ((uint32_t)(1 + i / 62500) << 16) | ((uint32_t)(i / 250 % 250) << 8)
           | (uint32_t)(1 + i % 250);
}

static int source_index(uint32_t a, int sources)
{
    if ((a >> 24) != 127)
        return -1;
    int i = (int)(((a >> 16) & 0xFF) - 1) * 62500 + (int)((a >> 8) & 0xFF) * 250 + (int)(a & 0xFF) - 1;
    return i >= 0 && i < sources ? i : -1;
}

/* The last fragment of a PAIR_1 with a random sender id and chunk (the tail of the ML-KEM key);
 * zero padding; mac1 under the open key. */
static void make_pair1(uint8_t d[DATAGRAM], const uint8_t mac1_key[32])
{
    memset(d, 0, DATAGRAM);
    d[0] = VERSION;
    d[1] = PAIR_1;
    randombytes_buf(d + 2, 4);
    d[2] |= 1; /* non-zero sender id */
    d[10] = 1; /* fragment index */
    d[11] = 2; /* fragment count */
    randombytes_buf(d + 12, BODY - 12);
    crypto_generichash(d + DATAGRAM - 2 * MAC, MAC, d, DATAGRAM - 2 * MAC, mac1_key, 32);
}

static void send_from(int fd, const struct sockaddr_in *to, uint32_t from, const uint8_t *d, size_t n)
{
    char control[CMSG_SPACE(sizeof(struct in_pktinfo))] = {0};
    struct iovec iov = {(void *)d, n};
    struct msghdr m = {(void *)to, sizeof *to, &iov, 1, control, sizeof control, 0};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = IPPROTO_IP;
    c->cmsg_type = IP_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(struct in_pktinfo));
    struct in_pktinfo info = {0};
    info.ipi_spec_dst.s_addr = htonl(from);
    memcpy(CMSG_DATA(c), &info, sizeof info);
    if (sendmsg(fd, &m, 0) < 0 && errno != EAGAIN && errno != ENOBUFS) {
        perror("sendmsg");
        exit(2);
    }
}

/* Reads every reply waiting; counts bytes and COOKIE_REPLYs per spoofed destination. */
static void drain(int fd, int sources, long long *back, long long *cookies, long long *other)
{
    for (;;) {
        uint8_t b[2048];
        char control[256];
        struct iovec iov = {b, sizeof b};
        struct msghdr m = {NULL, 0, &iov, 1, control, sizeof control, 0};
        ssize_t n = recvmsg(fd, &m, MSG_DONTWAIT);
        if (n < 0)
            return;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
            if (c->cmsg_level != IPPROTO_IP || c->cmsg_type != IP_PKTINFO)
                continue;
            struct in_pktinfo info;
            memcpy(&info, CMSG_DATA(c), sizeof info);
            int i = source_index(ntohl(info.ipi_addr.s_addr), sources);
            if (i >= 0)
                back[i] += n;
            if (n > 1 && b[1] == COOKIE_REPLY)
                (*cookies)++;
            else
                (*other)++;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 6 || sodium_init() < 0) {
        fprintf(stderr, "usage: flooder <ip> <port> <rate/s> <seconds> <sources>\n");
        return 2;
    }
    int rate = atoi(argv[3]), sources = atoi(argv[5]);
    double seconds = atof(argv[4]);
    if (rate <= 0 || sources <= 0 || sources > 250 * 250 * 250 || seconds <= 0) {
        fprintf(stderr, "flooder: bad rate, seconds or sources\n");
        return 2;
    }
    struct sockaddr_in to = {0};
    to.sin_family = AF_INET;
    to.sin_port = htons((uint16_t)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        fprintf(stderr, "flooder: bad address %s\n", argv[1]);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int on = 1, big = 8 << 20;
    setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof on);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    struct sockaddr_in any = {0};
    any.sin_family = AF_INET;
    if (bind(fd, (struct sockaddr *)&any, sizeof any) != 0) {
        perror("bind");
        return 2;
    }

    static const char label[] = "phone/v2/mac1"; /* K empty: PAIR_1's open key (§11) */
    uint8_t mac1_key[32], d[DATAGRAM];
    crypto_generichash(mac1_key, 32, (const uint8_t *)label, sizeof label - 1, NULL, 0);
    long long *sent = calloc((size_t)sources, sizeof *sent), *back = calloc((size_t)sources, sizeof *back);
    long long cookies = 0, other = 0, count = 0;
    double start = now_s(), end = start + seconds;
    int next = 0;
    while (now_s() < end) {
        long long due = (long long)((now_s() - start) * rate);
        for (; count < due; count++) {
            make_pair1(d, mac1_key);
            send_from(fd, &to, spoofed(next), d, DATAGRAM);
            sent[next] += DATAGRAM;
            next = (next + 1) % sources;
        }
        drain(fd, sources, back, &cookies, &other);
        struct timespec pause = {0, BATCH_MS * 1000000L};
        nanosleep(&pause, NULL);
    }
    double elapsed = now_s() - start;
    struct timespec settle = {0, 300000000L}; /* late replies */
    nanosleep(&settle, NULL);
    drain(fd, sources, back, &cookies, &other);

    long long total_back = 0, total_sent = 0;
    double worst = 0;
    for (int i = 0; i < sources; i++) {
        total_back += back[i];
        total_sent += sent[i];
        if (sent[i] > 0 && (double)back[i] / (double)sent[i] > worst)
            worst = (double)back[i] / (double)sent[i];
    }
    printf("{\"sent\": %lld, \"seconds\": %.3f, \"rate\": %.0f, \"sources\": %d, \"bytesSent\": %lld, "
           "\"bytesBack\": %lld, \"cookieReplies\": %lld, \"otherReplies\": %lld, \"worstSourceRatio\": %.4f, "
           "\"ratio\": %.4f}\n",
           count, elapsed, (double)count / elapsed, sources, total_sent, total_back, cookies, other, worst,
           total_sent ? (double)total_back / (double)total_sent : 0.0);
    free(sent);
    free(back);
    close(fd);
    return 0;
}
