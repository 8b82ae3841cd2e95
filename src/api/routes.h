#pragma once
// The API's routes, by resource. Each adds its routes to the router; handlers throw
// HttpError for answers other than success.
#include "api/api_context.h"
#include "api/router.h"

namespace clipgen::api {

void add_auth_routes(Router& router, ApiContext& context);
void add_video_routes(Router& router, ApiContext& context);
// Direct-to-bucket uploads (presigned PUT), where the storage offers them.
void add_upload_routes(Router& router, ApiContext& context);
void add_job_routes(Router& router, ApiContext& context);
void add_clip_routes(Router& router, ApiContext& context);
// The clip editor: PATCH/DELETE /api/clips/{id}, POST /api/videos/{id}/clips.
void add_clip_edit_routes(Router& router, ApiContext& context);
// /healthz, /readyz, /metrics
void add_health_routes(Router& router, ApiContext& context);

}  // namespace clipgen::api
