/* distretto-test-server.h: a local stand-in for Eurostat's API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1, run by the test's main context, that answers
 * every request the way the test says: a file's bytes, an HTTP error,
 * silence, or a body that stops. Nothing here reaches the internet.
 */

#pragma once

#include <distretto.h>
#include <libsoup/soup.h>

typedef enum
{
  TEST_REPLY_BODY,      /* 200, the body, its Content-Length */
  TEST_REPLY_STATUS,    /* the status, with a short XML body as Eurostat sends */
  TEST_REPLY_SILENT,    /* no answer at all */
  TEST_REPLY_STALL,     /* 200, the first STALL_BYTES of the body in a chunk, then nothing */
  TEST_REPLY_SHORT,     /* Content-Length of the whole body, its first half, then closed */
  TEST_REPLY_CHUNKED,   /* 200, the body in chunks without a length, then done */
} TestReply;

/* Enough to fill a first read of the fetcher, less than any replayed file. */
#define STALL_BYTES 4096

typedef struct
{
  SoupServer *server;
  char *url;            /* base address, without a trailing slash */
  TestReply reply;
  guint status;
  GBytes *body;
  char *content_type;
  guint n_requests;
  char *path;           /* of the last request */
  char *query;
  guint64 sent;         /* body bytes written so far */
} TestServer;

static void
test_server_on_wrote_body_data (SoupServerMessage *message,
                                guint              chunk_size,
                                gpointer           user_data)
{
  TestServer *server = user_data;

  server->sent += chunk_size;
}

static void
test_server_handle (SoupServer        *soup_server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  GUri *uri = soup_server_message_get_uri (message);
  gsize len = 0;
  const char *data = server->body ? g_bytes_get_data (server->body, &len) : NULL;

  server->n_requests++;
  g_free (server->path);
  g_free (server->query);
  server->path = g_strdup (path);
  server->query = g_strdup (g_uri_get_query (uri));
  server->sent = 0;
  g_signal_connect (message, "wrote-body-data", G_CALLBACK (test_server_on_wrote_body_data), server);

  switch (server->reply)
    {
    case TEST_REPLY_BODY:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, server->content_type, SOUP_MEMORY_COPY, data, len);
      break;

    case TEST_REPLY_STATUS:
      soup_server_message_set_status (message, server->status, NULL);
      soup_server_message_set_response (message, "application/xml", SOUP_MEMORY_STATIC,
                                        "<?xml version=\"1.0\"?><S:Fault/>", 30);
      break;

    case TEST_REPLY_SILENT:
      soup_server_message_pause (message);
      break;

    case TEST_REPLY_STALL:
      g_assert_cmpuint (len, >, STALL_BYTES);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, server->content_type, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (body, SOUP_MEMORY_COPY, data, STALL_BYTES);
      break;

    case TEST_REPLY_SHORT:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, server->content_type, NULL);
      soup_message_headers_set_content_length (headers, len);
      soup_message_headers_replace (headers, "Connection", "close");
      soup_message_body_append (body, SOUP_MEMORY_COPY, data, len / 2);
      soup_message_body_complete (body);
      break;

    case TEST_REPLY_CHUNKED:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, server->content_type, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      for (gsize at = 0; at < len; at += STALL_BYTES)
        soup_message_body_append (body, SOUP_MEMORY_COPY, data + at, MIN (STALL_BYTES, len - at));
      soup_message_body_complete (body);
      break;

    default:
      g_assert_not_reached ();
    }
}

static TestServer *
test_server_new (void)
{
  TestServer *server = g_new0 (TestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *url = NULL;

  server->server = soup_server_new (NULL, NULL);
  server->content_type = g_strdup ("text/csv");
  soup_server_add_handler (server->server, NULL, test_server_handle, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  server->url = g_steal_pointer (&url);

  return server;
}

/* Answers every request with @body as @content_type, the way @reply says. */
static void
test_server_set_body (TestServer *server,
                      TestReply   reply,
                      GBytes     *body,
                      const char *content_type)
{
  server->reply = reply;
  g_clear_pointer (&server->body, g_bytes_unref);
  server->body = body ? g_bytes_ref (body) : NULL;
  g_free (server->content_type);
  server->content_type = g_strdup (content_type);
}

static void
test_server_set_status (TestServer *server,
                        guint       status)
{
  server->reply = TEST_REPLY_STATUS;
  server->status = status;
}

/* Closes every connection and the port: a server that went away. */
static void
test_server_free (TestServer *server)
{
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  /* Closed connections are freed from idles. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&server->body, g_bytes_unref);
  g_free (server->content_type);
  g_free (server->path);
  g_free (server->query);
  g_free (server->url);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)
