// Precompiled header for migician_model: ATen is the expensive part of every tensor unit.
#pragma once
#include <ATen/ATen.h>
