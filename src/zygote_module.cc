// The zygote as an extension module: `python3 -B -c CODE MODULE ARGS...`
// loads it (zygote.cc) and calls serve(ARGS), which never returns. The runs
// are then forked from Debian's python3 binary itself, whose interpreter
// runs Python code faster than the same version's libpython3.11.a linked
// into guidecheck (the binary is built with link-time optimisation).

#include <Python.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "zygote_server.h"

namespace {

PyObject* serve(PyObject*, PyObject* arg) {
  std::vector<std::string> args;
  PyObject* items = PySequence_Fast(arg, "serve() takes the zygote's arguments as a list of str");
  if (!items) return nullptr;
  for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(items); ++i) {
    const char* text = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(items, i));
    if (!text) {
      Py_DECREF(items);
      return nullptr;
    }
    args.emplace_back(text);
  }
  Py_DECREF(items);
  const int code = guidecheck::zygote_entry(args);
  // Not back into python3: its `-c` code is done, and finalising would run
  // the atexit handlers of modules preloaded for the runs.
  std::fflush(nullptr);
  std::_Exit(code);
}

PyMethodDef methods[] = {
    {"serve", serve, METH_O, "Serve run requests as guidecheck's zygote; never returns."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module = {PyModuleDef_HEAD_INIT, "guidecheck_zygote", nullptr, -1, methods, nullptr, nullptr, nullptr, nullptr};

}  // namespace

PyMODINIT_FUNC PyInit_guidecheck_zygote() { return PyModule_Create(&module); }
