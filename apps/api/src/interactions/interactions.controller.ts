import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('interactions')
@Controller('interactions')
export class InteractionsController {}
