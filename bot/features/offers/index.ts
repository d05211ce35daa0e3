import { logger } from '../../../db/logger.ts';
import type { BotApp } from '../../context.ts';
import type { InFlight } from '../../inFlight.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Reactions } from '../../reactions.ts';
import { FanOut } from './fanOut.ts';
import { OfferMessages } from './offerMessages.ts';
import { OfferSender } from './offerSender.ts';
import { OrderPhotos } from './orderPhoto.ts';
import { offersReactions } from './reactions.ts';
import { DispatchResume } from './resume.ts';

export { offersFeature } from './tap.ts';

/** The offers in the masters' chats: fan-out in waves, sends, closings, and what a previous run left. */
export interface Offers {
  reactions: Reactions;
  resume: DispatchResume;
  sender: OfferSender;
}

export async function startOffers(app: BotApp, jobs: JobQueue, background: InFlight): Promise<Offers> {
  const offerMessages = new OfferMessages(app);
  // An offer closed while its message was on the way: close that message too, in the background.
  const closeLate = (orderId: number) =>
    void background.track(offerMessages.close(orderId).catch((error: unknown) => logger.warn({ err: error, orderId }, 'closing a late offer failed; the sweep retries')));
  const sender = new OfferSender(app, new OrderPhotos(app), closeLate);
  const fanOut = new FanOut(app, jobs, sender);
  await fanOut.register();
  return {
    reactions: offersReactions(app, { fanOut, offerMessages }),
    resume: new DispatchResume(app, jobs, { fanOut, sender, offerMessages }),
    sender,
  };
}
