package dev.bellwether.platform.picklist.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new value, or a change to one: a new label (a rename), retired or restored.
 */
record PickListValueRequest(@Schema(example = "Robotics") String label,
		@Schema(description = "true retires the value, false offers it again; left out, unchanged") Boolean retired) {

}
