// POST /api/runs/:id/cancel -> 202 { status: "cancelled" | "stopping" }; 409 when the run is not active.
// A running stage gets SIGINT (its process group), then SIGKILL of its process tree after 10 s.
import { reply, withApi } from '@/server/http/with-api';
import { cancelRunById } from '@/server/runner/cancel-run';

export const dynamic = 'force-dynamic';

export const POST = withApi('POST /api/runs/:id/cancel', async ({ params }) => reply({ status: await cancelRunById(params.id) }, 202), { auth: true });
