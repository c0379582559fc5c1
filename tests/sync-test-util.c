/* sync-test-util.c — Radicale and private Evolution Data Servers for
 * the sync tests
 *
 * Radicale runs without sign-in on 127.0.0.1, its storage under the
 * test's folder; each test makes a task list of its own (an extended
 * MKCOL), so tests never see each other's tasks. A machine is a HOME
 * (and XDG folders) of its own with the list's .source key file, a
 * database, and a dbus-daemon whose only services are the Evolution
 * source registry and calendar factory (copies of their .service files
 * without the systemd activation): nothing else of the desktop is
 * started, and two machines share nothing but the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "store-test-util.h"
#include "sync-test-util.h"

#define SERVICE_DIR "/usr/share/dbus-1/services"

static const char * const eds_services[] = {
  "org.gnome.evolution.dataserver.Sources5.service",
  "org.gnome.evolution.dataserver.Calendar8.service",
};

struct _SyncServer
{
  char *dir;
  guint16 port;
  GSubprocess *process;
};

struct _SyncMachine
{
  char *dir;
  char *db_path;
  GSubprocess *bus;
  char **envp;
};

char *
sync_test_missing (void)
{
  g_autofree char *radicale = g_find_program_in_path ("radicale");
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");

  if (g_getenv ("ROADMAP_SYNC_MODULE") == NULL)
    return g_strdup ("this build has no sync (the meson feature sync is off)");
  if (radicale == NULL)
    return g_strdup ("radicale is not installed");
  if (daemon == NULL)
    return g_strdup ("dbus-daemon is not installed");
  for (guint i = 0; i < G_N_ELEMENTS (eds_services); i++)
    {
      g_autofree char *path = g_build_filename (SERVICE_DIR, eds_services[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_strdup ("evolution-data-server is not installed");
    }
  return NULL;
}

/* A server or a bus outlives no test, even one that aborts */
static void
die_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
server_answers (SyncServer *server)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, NULL);
  return connection != NULL;
}

static void
launch_server (SyncServer *server)
{
  g_autofree char *config = g_build_filename (server->dir, "config", NULL);
  g_autofree char *log = g_build_filename (server->dir, "log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, "radicale", "--config", config, NULL);
  g_assert_no_error (error);

  while (!server_answers (server))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
}

/* Radicale on a free port of 127.0.0.1, its files under @dir */
SyncServer *
sync_server_start (const char *dir)
{
  SyncServer *server = g_new0 (SyncServer, 1);
  g_autofree char *storage = NULL;
  g_autofree char *config = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  server->dir = g_build_filename (dir, "radicale", NULL);
  storage = g_build_filename (server->dir, "storage", NULL);
  g_assert_cmpint (g_mkdir_with_parents (storage, 0700), ==, 0);
  server->port = free_port ();
  contents = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                              "[auth]\ntype = none\n"
                              "[rights]\ntype = authenticated\n"
                              "[storage]\nfilesystem_folder = %s\n"
                              "[logging]\nlevel = warning\n",
                              server->port, storage);
  config = g_build_filename (server->dir, "config", NULL);
  g_file_set_contents (config, contents, -1, &error);
  g_assert_no_error (error);

  launch_server (server);
  return server;
}

void
sync_server_stop (SyncServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

/* Back on the same port, with the same storage */
void
sync_server_restart (SyncServer *server)
{
  sync_server_stop (server);
  launch_server (server);
}

void
sync_server_free (SyncServer *server)
{
  sync_server_stop (server);
  g_free (server->dir);
  g_free (server);
}

/**
 * sync_server_http:
 * @response: (out) (optional): the body
 *
 * One plain HTTP request, as another CalDAV client would make it.
 *
 * Returns: the status code
 */
guint
sync_server_http (SyncServer  *server,
                  const char  *method,
                  const char  *path,
                  const char  *body,
                  char       **response)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) received = g_byte_array_new ();
  g_autofree char *request = NULL;
  g_autofree char *text = NULL;
  GOutputStream *output;
  GInputStream *input;
  const char *content_type;
  char buffer[8192];
  gssize n;
  guint status = 0;
  char *end;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);

  content_type = g_str_equal (method, "PUT") ? "text/calendar; charset=utf-8" : "application/xml";
  /* "test:x" — Radicale without sign-in takes any password */
  request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                             "Authorization: Basic dGVzdDp4\r\n"
                             "Content-Type: %s\r\nContent-Length: %zu\r\n"
                             "Depth: 1\r\nConnection: close\r\n\r\n%s",
                             method, path, server->port, content_type,
                             body != NULL ? strlen (body) : 0, body != NULL ? body : "");
  output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_output_stream_write_all (output, request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (input, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (received, (guint8 *) buffer, n);
  g_assert_no_error (error);
  g_byte_array_append (received, (guint8 *) "", 1);

  text = (char *) g_byte_array_free (g_steal_pointer (&received), FALSE);
  if (g_str_has_prefix (text, "HTTP/1."))
    status = (guint) g_ascii_strtoull (text + strlen ("HTTP/1.1 "), NULL, 10);
  end = strstr (text, "\r\n\r\n");
  if (response != NULL)
    *response = g_strdup (end != NULL ? end + 4 : "");
  return status;
}

/* Reads one response of a kept-alive connection: its status */
static guint
read_response (GDataInputStream *input)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint status = 0;
  char *line;

  while ((line = g_data_input_stream_read_line (input, NULL, NULL, &error)) != NULL)
    {
      g_strchomp (line);
      if (status == 0 && g_str_has_prefix (line, "HTTP/1."))
        status = (guint) g_ascii_strtoull (line + strlen ("HTTP/1.1 "), NULL, 10);
      else if (g_ascii_strncasecmp (line, "Content-Length:", strlen ("Content-Length:")) == 0)
        length = g_ascii_strtoull (line + strlen ("Content-Length:"), NULL, 10);
      if (line[0] == '\0')
        {
          g_free (line);
          break;
        }
      g_free (line);
    }
  g_assert_no_error (error);
  if (length > 0)
    {
      g_autofree char *body = g_malloc (length);

      g_input_stream_read_all (G_INPUT_STREAM (input), body, length, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return status;
}

/**
 * sync_server_put_all:
 * @paths: where to
 * @bodies: what, one for each path
 *
 * PUTs one after the other, the quickest a plain CalDAV client writes to
 * this server (it closes each connection after its answer): no name to
 * resolve, the answer read up to its length. Each must be created or
 * replaced.
 */
void
sync_server_put_all (SyncServer         *server,
                     const char * const *paths,
                     const char * const *bodies)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, server->port);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *request = g_strdup_printf ("PUT %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                                  "Authorization: Basic dGVzdDp4\r\n"
                                                  "Content-Type: text/calendar; charset=utf-8\r\n"
                                                  "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                  paths[i], server->port, strlen (bodies[i]), bodies[i]);
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GDataInputStream) input = NULL;
      g_autoptr(GError) error = NULL;
      guint status;

      connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
      g_assert_no_error (error);
      input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
      g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 request, strlen (request), NULL, NULL, &error);
      g_assert_no_error (error);
      status = read_response (input);
      g_assert_true (status == 201 || status == 204);
    }
}

/* A task list of its own for a test: its path on the server */
char *
sync_server_make_list (SyncServer *server)
{
  static guint n_lists;
  char *path = g_strdup_printf ("/test/list-%u-%u/", (guint) getpid (), ++n_lists);
  guint status;

  status = sync_server_http (server, "MKCOL", path,
                             "<?xml version=\"1.0\"?>"
                             "<D:mkcol xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                             "<D:set><D:prop>"
                             "<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>"
                             "<D:displayname>Roadmap</D:displayname>"
                             "<C:supported-calendar-component-set><C:comp name=\"VTODO\"/>"
                             "</C:supported-calendar-component-set>"
                             "</D:prop></D:set></D:mkcol>",
                             NULL);
  g_assert_cmpuint (status, ==, 201);
  return path;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The EDS services for the private bus, without systemd activation */
static void
write_services (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (eds_services); i++)
    {
      g_autofree char *path = g_build_filename (SERVICE_DIR, eds_services[i], NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GString) kept = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (contents, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        if (!g_str_has_prefix (lines[k], "SystemdService="))
          g_string_append_printf (kept, "%s\n", lines[k]);
      write_file (dir, eds_services[i], kept->str);
    }
}

static char *
start_bus (SyncMachine *machine)
{
  g_autofree char *services = g_build_filename (machine->dir, "services", NULL);
  g_autofree char *config_path = g_build_filename (machine->dir, "bus.conf", NULL);
  g_autofree char *log_path = g_build_filename (machine->dir, "bus.log", NULL);
  g_autofree char *config = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  char *address;

  write_services (services);
  config = g_strdup_printf ("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                            "<busconfig><type>session</type><listen>unix:tmpdir=%s</listen>"
                            "<servicedir>%s</servicedir>"
                            "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                            "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n",
                            g_get_tmp_dir (), services);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  /* The services it starts write to its log, not to the test's output */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_environ (launcher, machine->envp);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  machine->bus = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", "--nofork",
                                              "--print-address=1", "--config-file", config_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (machine->bus));
  address = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  return address;
}

/**
 * sync_machine_new:
 * @list_path: the task list on @server (sync_server_make_list())
 *
 * A machine under @dir/@name whose EDS has the task list
 * %SYNC_TEST_SOURCE_UID; sync is not turned on yet.
 */
SyncMachine *
sync_machine_new (const char *dir,
                  const char *name,
                  SyncServer *server,
                  const char *list_path)
{
  SyncMachine *machine = g_new0 (SyncMachine, 1);
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *source = NULL;
  g_autofree char *address = NULL;
  char **envp = g_get_environ ();
  static const char * const folders[][2] = {
    { "HOME", "home" }, { "XDG_CONFIG_HOME", "config" }, { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_RUNTIME_DIR", "run" },
  };

  machine->dir = g_build_filename (dir, name, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (machine->dir, folders[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      envp = g_environ_setenv (envp, folders[i][0], path, TRUE);
    }
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  machine->envp = envp;
  machine->db_path = g_build_filename (machine->dir, "progress.db", NULL);

  config = g_build_filename (machine->dir, "config", NULL);
  sources = g_build_filename (config, "evolution", "sources", NULL);
  source = g_strdup_printf ("[Data Source]\nDisplayName=Roadmap test\nEnabled=true\nParent=\n\n"
                            "[Task List]\nBackendName=caldav\nSelected=true\n\n"
                            "[Authentication]\nHost=127.0.0.1\nPort=%u\nUser=test\nMethod=none\n\n"
                            "[Security]\nMethod=none\n\n"
                            "[Offline]\nStaySynchronized=true\n\n"
                            "[WebDAV Backend]\nResourcePath=%s\nAvoidIfmatch=false\n",
                            server->port, list_path);
  write_file (sources, SYNC_TEST_SOURCE_UID ".source", source);

  address = start_bus (machine);
  machine->envp = g_environ_setenv (machine->envp, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  return machine;
}

/* The bus goes, and EDS's services with it */
void
sync_machine_free (SyncMachine *machine)
{
  if (machine->bus != NULL)
    {
      g_subprocess_send_signal (machine->bus, SIGTERM);
      g_subprocess_wait (machine->bus, NULL, NULL);
    }
  g_clear_object (&machine->bus);
  g_strfreev (machine->envp);
  g_free (machine->db_path);
  g_free (machine->dir);
  g_free (machine);
}

const char *
sync_machine_get_db_path (SyncMachine *machine)
{
  return machine->db_path;
}

char **
sync_machine_get_envp (SyncMachine *machine)
{
  return machine->envp;
}

static GPtrArray *
collect_argv (SyncMachine *machine,
              va_list      args)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (argv, (char *) g_getenv ("ROADMAP_TEST_EXE"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, machine->db_path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

GSubprocess *
sync_machine_spawn (SyncMachine *machine,
                    ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list args;

  va_start (args, machine);
  argv = collect_argv (machine, args);
  va_end (args);

  g_subprocess_launcher_set_environ (launcher, machine->envp);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/**
 * sync_machine_runv:
 * @args: what follows `roadmap --db DB`
 * @out: (out) (optional): its standard output
 * @err: (out) (optional): its standard error
 *
 * Returns: its exit status
 */
int
sync_machine_runv (SyncMachine         *machine,
                   const char * const  *args,
                   char               **out,
                   char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("ROADMAP_TEST_EXE"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, machine->db_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_environ (launcher, machine->envp);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("roadmap %s was killed by signal %d: %s", args[0],
             g_subprocess_get_term_sig (process), stderr_text);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/* Runs `roadmap --db DB …` on the machine: its exit status */
int
sync_machine_run (SyncMachine  *machine,
                  char        **out,
                  char        **err,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, err);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  return sync_machine_runv (machine, (const char * const *) args->pdata, out, err);
}

/* `roadmap --sync` ends with both sides the same */
void
sync_machine_sync_ok (SyncMachine *machine)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = sync_machine_run (machine, &out, &err, "--sync", NULL);

  if (status != 0)
    g_error ("roadmap --sync failed (%d): %s%s", status, out, err);
}
